package io.tender.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tender.core.auth.PasswordHasher;
import io.tender.core.auth.RecoveryCodes;
import io.tender.core.auth.SessionTokens;
import io.tender.core.auth.Totp;
import io.tender.core.signature.TimestampedHmacSignature;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Whatever checks a presented secret against the expected one (webhook signatures, session
 * tokens, TOTP codes, recovery codes, passwords) compares in constant time, so response timing
 * tells an attacker nothing about how much of a guess was right. API keys need no comparison: they
 * are looked up by their SHA-256 as the table key.
 */
class ConstantTimeComparisonTest {
  private static final JavaClasses SHARED = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.tender");

  @Test
  void everyVerifierComparesWithMessageDigestIsEqual() {
    classes().that().belongToAnyOf(TimestampedHmacSignature.class, SessionTokens.class, Totp.class,
            RecoveryCodes.class, PasswordHasher.class)
        .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
        .check(SHARED);
  }

  @Test
  void noByteArrayIsComparedWithAnEarlyExitAnywhere() {
    // Argon2idHash's own equals is value equality of two stored hashes, never a check of a guess.
    noClasses().that().resideInAPackage("io.tender..").and().doNotHaveFullyQualifiedName("io.tender.core.auth.Argon2idHash")
        .should().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
        .check(SHARED);
  }
}
