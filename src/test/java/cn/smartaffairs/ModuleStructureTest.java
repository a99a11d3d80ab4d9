package cn.smartaffairs;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business modules only talk through each other's public types; this fails the build when one reaches in. */
class ModuleStructureTest {

  private final ApplicationModules modules = ApplicationModules.of(SmartAffairsApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDiagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
