package uk.cdr.child;

/** The NHS number's modulus 11 check digit (NHS Data Dictionary). */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** Ten digits, spaces allowed between groups (e.g. "943 476 5919"), with a valid check digit. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String digits = normalise(value);
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        // A remainder giving 10 means the number was never issued.
        return check != 10 && check == digits.charAt(9) - '0';
    }

    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "").replace("-", "");
    }
}
