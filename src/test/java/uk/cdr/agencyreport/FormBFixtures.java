package uk.cdr.agencyreport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.support.SharedMailServer;

/** Answers, contacts and emails for Form B tests. Tests share one inbox: each uses its own contact address. */
public final class FormBFixtures {

    private static final Pattern LINK = Pattern.compile("/form-b/([A-Za-z0-9_-]{43})");

    private FormBFixtures() {
    }

    /** A complete, valid Form B: every field answered, so every column is written. */
    public static Map<String, String> validAnswers() {
        Map<String, String> a = new HashMap<>();
        a.put("reporterName", "Dr Gee Pee");
        a.put("reporterRole", "GP partner");
        a.put("reporterAgency", "High Street Surgery");
        a.put("reporterEmail", "gee.pee@nhs.example");
        a.put("reporterPhone", "020 7946 0001");
        a.put("contactWith", "child-and-family");
        a.put("firstContactDate", "2014-11-10");
        a.put("lastContactDate", "2015-02-20");
        a.put("natureOfContact", "Registered patient; six-week check; immunisations.");
        a.put("knownHealth", "yes");
        a.put("knownHealthDetails", "Mild reflux, treated.");
        a.put("development", "no");
        a.put("familyAndEnvironment", "not-known");
        a.put("parenting", "no");
        a.put("serviceFactors", "not-known");
        a.put("concerns", "no");
        a.put("additionalInformation", "None.");
        return a;
    }

    /**
     * Answers as the agency's page posts them: each date in the Day, Month and Year boxes of its
     * GOV.UK date input, typed day first (2014-11-10 is typed 10, 11, 2014).
     */
    public static Map<String, String> asPosted(Map<String, String> answers) {
        Map<String, String> posted = new HashMap<>(answers);
        for (String key : List.of("firstContactDate", "lastContactDate")) {
            String iso = posted.remove(key);
            if (iso != null) {
                java.time.LocalDate date = java.time.LocalDate.parse(iso);
                posted.put(key + "-day", String.valueOf(date.getDayOfMonth()));
                posted.put(key + "-month", String.valueOf(date.getMonthValue()));
                posted.put(key + "-year", String.valueOf(date.getYear()));
            }
        }
        return posted;
    }

    static Map<String, String> with(Map<String, String> answers, String key, String value) {
        Map<String, String> changed = new HashMap<>(answers);
        changed.put(key, value);
        return changed;
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
    }

    static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(SharedMailServer.instance().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String tokenIn(MimeMessage message) {
        Matcher m = LINK.matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("no Form B link in " + body(message));
        }
        return m.group(1);
    }

    /** The link in the latest email to this address. */
    static String latestToken(String address) {
        List<MimeMessage> emails = emailsTo(address);
        if (emails.isEmpty()) {
            throw new AssertionError("no email to " + address);
        }
        return tokenIn(emails.get(emails.size() - 1));
    }
}
