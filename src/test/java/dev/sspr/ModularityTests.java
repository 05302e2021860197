package dev.sspr;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries of ARCHITECTURE.md honest, and draws them into target/. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(SsprApplication.class);

	@Test
	void whenModulesAnalyzedThenNoBoundaryIsBroken() {
		MODULES.verify();
	}

	@Test
	void whenDocumentedThenDiagramsAreWritten() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
