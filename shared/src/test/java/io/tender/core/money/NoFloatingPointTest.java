package io.tender.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No float or double touches money: nothing in the package declares one, takes or returns one, or
 * calls anything that does (which rules out {@code new BigDecimal(double)},
 * {@code BigDecimal.valueOf(double)} and {@code doubleValue()}).
 */
class NoFloatingPointTest {
  private static final Set<String> FLOATING = Set.of(
      "float", "double", Float.class.getName(), Double.class.getName());

  @Test
  void moneyPackageNeverTouchesFloatingPoint() {
    JavaClasses money = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tender.core.money");

    assertThat(money).extracting(JavaClass::getSimpleName)
        .contains("Money", "CurrencyUnit", "AmountPolicy");
    assertThat(violations(money)).isEmpty();
  }

  @Test
  void theCheckFindsEachKindOfFloatingPointUse() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyPrice.class);

    assertThat(violations(leaky)).anyMatch(v -> v.contains("field") && v.contains("rate"))
        .anyMatch(v -> v.contains("asDouble") && v.contains("returns"))
        .anyMatch(v -> v.contains("scaled") && v.contains("takes"))
        .anyMatch(v -> v.contains("calls") && v.contains("BigDecimal.valueOf(double)"))
        .anyMatch(v -> v.contains("calls") && v.contains("doubleValue"));
  }

  private static List<String> violations(JavaClasses classes) {
    List<String> found = new ArrayList<>();
    for (JavaClass javaClass : classes) {
      for (JavaField field : javaClass.getFields()) {
        if (isFloating(field.getRawType())) {
          found.add("field " + field.getFullName());
        }
      }
      for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
        if (isFloating(unit.getRawReturnType())) {
          found.add(unit.getFullName() + " returns floating point");
        }
        if (unit.getRawParameterTypes().stream().anyMatch(NoFloatingPointTest::isFloating)) {
          found.add(unit.getFullName() + " takes floating point");
        }
      }
      for (JavaCall<?> call : javaClass.getCodeUnitCallsFromSelf()) {
        var target = call.getTarget();
        if (isFloating(target.getRawReturnType())
            || target.getRawParameterTypes().stream().anyMatch(NoFloatingPointTest::isFloating)) {
          found.add(call.getOrigin().getFullName() + " calls " + target.getFullName());
        }
      }
    }
    return found;
  }

  private static boolean isFloating(JavaClass type) {
    return FLOATING.contains(type.getName());
  }

  /** Everything the check must catch, so it is known to be able to fail. */
  @SuppressWarnings("unused")
  static final class LeakyPrice {
    private double rate;

    double asDouble() {
      return 1;
    }

    long scaled(float factor) {
      return 0;
    }

    BigDecimal viaValueOf(long minor) {
      return BigDecimal.valueOf(minor / 100.0);
    }

    long viaDoubleValue(BigDecimal amount) {
      return amount.doubleValue() > 0 ? 1 : 0;
    }
  }
}
