package de.stadtdialog;

import java.nio.file.Path;

import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: no cycles between modules, and no module reaches into another module's
 * {@code internal} packages. Also writes the module diagrams into the build directory (not into git).
 */
class ModularityTests {

    /**
     * Main code only. Modulith's default leaves out tests by matching {@code target/test-classes}, which misses
     * the per-engineer build directories ({@code -Dbuild.dir=target-x}); test doubles such as
     * {@link TestMailGateway} legitimately implement module-internal SPIs.
     */
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

    private final ApplicationModules modules = ApplicationModules.of(StadtdialogApplication.class,
        MAIN_CLASSES_ONLY);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        String outputFolder = Path.of(System.getProperty("buildDirectory", "target"), "spring-modulith-docs")
            .toString();
        new Documenter(modules, outputFolder)
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml();
    }
}
