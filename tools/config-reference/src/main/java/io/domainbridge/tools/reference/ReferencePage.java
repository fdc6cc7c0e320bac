package io.domainbridge.tools.reference;

import org.apache.kafka.common.config.ConfigDef;

/**
 * One page of the configuration reference: a plugin's {@link ConfigDef} and where it is documented.
 *
 * @param file the page's file name in {@code docs/reference/}
 * @param title the page's heading
 * @param source the class whose {@code CONFIG_DEF} the page renders, named in the page
 * @param intro what the keys configure, one paragraph
 * @param keyPrefix written before every key, e.g. {@code mappings.<alias>.}; empty for none
 * @param def the keys
 */
public record ReferencePage(String file, String title, Class<?> source, String intro, String keyPrefix, ConfigDef def) {

    static ReferencePage of(String file, String title, Class<?> source, String intro) {
        return new ReferencePage(file, title, source, intro, "", configDef(source));
    }

    static ConfigDef configDef(Class<?> source) {
        try {
            return (ConfigDef) source.getField("CONFIG_DEF").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(source.getName() + " has no public static CONFIG_DEF", e);
        }
    }
}
