package io.domainbridge.transforms.envelope;

/**
 * An event type at a schema version; a null version stands for every version without a declaration of its own.
 */
record EventKind(String type, Integer version) {

    @Override
    public String toString() {
        return version == null ? type : type + "@" + version;
    }
}
