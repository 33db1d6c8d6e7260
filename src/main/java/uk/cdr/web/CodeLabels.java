package uk.cdr.web;

import java.util.Map;

/** What a person reads for a stored code: "hospital-emergency-department" is "Hospital emergency department". */
public final class CodeLabels {

    /**
     * The 2011 census ethnic groups (domain.md) as the census words them, proper names capitalised:
     * "White: British", never "White: british". The same words as the statistics' ethnicity table.
     */
    private static final Map<String, String> WORDED = Map.ofEntries(
            Map.entry("white-british", "White: British"), Map.entry("white-irish", "White: Irish"),
            Map.entry("white-gypsy-or-irish-traveller", "White: Gypsy or Irish Traveller"),
            Map.entry("white-other", "White: any other White background"),
            Map.entry("mixed-white-and-black-caribbean", "Mixed: White and Black Caribbean"),
            Map.entry("mixed-white-and-black-african", "Mixed: White and Black African"),
            Map.entry("mixed-white-and-asian", "Mixed: White and Asian"),
            Map.entry("mixed-other", "Mixed: any other Mixed background"), Map.entry("asian-indian", "Asian: Indian"),
            Map.entry("asian-pakistani", "Asian: Pakistani"), Map.entry("asian-bangladeshi", "Asian: Bangladeshi"),
            Map.entry("asian-chinese", "Asian: Chinese"), Map.entry("asian-other", "Asian: any other Asian background"),
            Map.entry("black-african", "Black: African"), Map.entry("black-caribbean", "Black: Caribbean"),
            Map.entry("black-other", "Black: any other Black background"), Map.entry("other-arab", "Other: Arab"),
            Map.entry("other-any-other", "Other: any other ethnic group"),
            Map.entry("not-known", "Not known"), Map.entry("not-sure", "Not sure"),
            // The 2018 notification form's reasons for no NHS number, as the national form words them.
            Map.entry("not-resident-in-england", "Child not resident in England"),
            Map.entry("not-currently-available", "NHS number not currently available"));

    private CodeLabels() {
    }

    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String worded = WORDED.get(code);
        if (worded != null) {
            return worded;
        }
        String words = code.replace("-or-", " or ").replace("-and-", " and ").replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
