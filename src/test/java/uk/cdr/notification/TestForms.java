package uk.cdr.notification;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Form As for tests. Tests share one database, so each new child has its own valid NHS number
 * and name: otherwise every notification after the first would be a possible duplicate.
 */
public final class TestForms {

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private TestForms() {
    }

    /** A valid Form A for a child no other test has notified. */
    public static FormA aNotification() {
        FormA form = FormAValidatorTest.with(FormAValidatorTest.valid(), "nhsNumber", uniqueNhsNumber());
        return FormAValidatorTest.with(form, "childLastName", "Testchild" + CHILDREN.incrementAndGet());
    }

    public static String uniqueNhsNumber() {
        while (true) {
            String nine = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
