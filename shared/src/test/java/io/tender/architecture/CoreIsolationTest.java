package io.tender.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain core stays free of AWS, JSON and HTTP, so its rules can be tested and moved alone. */
class CoreIsolationTest {
  private static final JavaClasses SHARED = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.tender");

  @Test
  void coreImportsNoAwsJsonOrHttp() {
    noClasses().that().resideInAPackage("io.tender.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "software.amazon..", "com.amazonaws..", "com.fasterxml..", "java.net.http..",
            "com.sun.net.httpserver..")
        .check(SHARED);
  }

  @Test
  void coreDoesNotReachIntoAdapters() {
    noClasses().that().resideInAPackage("io.tender.core..")
        .should().dependOnClassesThat().resideInAnyPackage("io.tender.adapter..")
        .check(SHARED);
  }
}
