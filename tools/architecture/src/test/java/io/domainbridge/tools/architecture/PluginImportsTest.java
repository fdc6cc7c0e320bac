package io.domainbridge.tools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each plugin is installed, loaded and versioned on its own terms, so plugins share code only through the shared
 * record model ({@code io.domainbridge.events}) and never import one another.
 */
@AnalyzeClasses(packages = "io.domainbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginImportsTest {

    private static final String TRANSFORMS = "io.domainbridge.transforms..";
    private static final String CONVERTERS = "io.domainbridge.converters..";
    private static final String CONNECTORS = "io.domainbridge.connectors..";

    @ArchTest
    static final ArchRule transformsImportNoOtherPlugin = noClasses()
            .that()
            .resideInAPackage(TRANSFORMS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CONVERTERS, CONNECTORS);

    @ArchTest
    static final ArchRule convertersImportNoOtherPlugin = noClasses()
            .that()
            .resideInAPackage(CONVERTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TRANSFORMS, CONNECTORS);

    @ArchTest
    static final ArchRule connectorsImportNoOtherPlugin = noClasses()
            .that()
            .resideInAPackage(CONNECTORS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TRANSFORMS, CONVERTERS);

    @ArchTest
    static final ArchRule sharedModelImportsNoPlugin = noClasses()
            .that()
            .resideInAPackage("io.domainbridge.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TRANSFORMS, CONVERTERS, CONNECTORS);
}
