package uk.cdr.web;

/** What a person reads for a stored code: "hospital-emergency-department" is "Hospital emergency department". */
public final class CodeLabels {

    private CodeLabels() {
    }

    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replace("-or-", " or ").replace("-and-", " and ").replace('-', ' ');
        if (words.startsWith("white ") || words.startsWith("mixed ") || words.startsWith("asian ")
                || words.startsWith("black ") || words.equals("other arab") || words.equals("other any other")) {
            int space = words.indexOf(' ');
            words = words.substring(0, space) + ":" + words.substring(space);
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
