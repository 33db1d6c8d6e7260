package uk.cdr.child;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsValidNumbersWithOrWithoutSpaces() {
        assertThat(NhsNumber.isValid("4010232137")).isTrue();
        assertThat(NhsNumber.isValid("401 023 2137")).isTrue();
    }

    @Test
    void rejectsWrongCheckDigitsLengthsAndLetters() {
        assertThat(NhsNumber.isValid("4010232138")).isFalse();
        assertThat(NhsNumber.isValid("401023213")).isFalse();
        assertThat(NhsNumber.isValid("40102321377")).isFalse();
        assertThat(NhsNumber.isValid("40102321AB")).isFalse();
        assertThat(NhsNumber.isValid(null)).isFalse();
    }

    @Test
    void rejectsNumbersWhoseCheckDigitWouldBeTen() {
        String neverIssued = firstWithCheckTen();
        assertThat(NhsNumber.isValid(neverIssued)).isFalse();
    }

    private static String firstWithCheckTen() {
        for (long n = 100000000L; ; n++) {
            String nine = Long.toString(n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            if (11 - (sum % 11) == 10) {
                return nine + "0";
            }
        }
    }
}
