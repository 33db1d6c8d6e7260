package uk.cdr.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Panel members work from anonymised summaries, but free text is written by people who knew the
 * child: an agency's Form B or a draft learning point may name the child or give the address. Before
 * any such text reaches the panel, the case's identifiers (every name, NHS number, address and
 * postcode any notification gave) are blanked out.
 */
@Component
public class Anonymiser {

    static final String REDACTED = "[redacted]";

    private final JdbcClient jdbc;

    Anonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Redacts one case's identifiers; build once per case and apply to each text. */
    public Redaction forCase(UUID caseId) {
        Set<String> identifiers = new LinkedHashSet<>();
        jdbc.sql("""
                select child_first_name, child_last_name, child_other_names, nhs_number, address_line, postcode
                from notification where case_id = ?""")
                .param(caseId)
                .query(rs -> {
                    for (int i = 1; i <= 6; i++) {
                        String value = rs.getString(i);
                        if (value != null && !value.isBlank()) {
                            identifiers.add(value.trim());
                            if (i <= 3 || i == 5) {
                                // "Ava-Rose Smith" or "12 Acacia Avenue" may be written in part.
                                for (String part : value.trim().split("[\\s,-]+")) {
                                    if (part.length() >= 3 && !(i == 5 && part.matches("\\d+"))) {
                                        identifiers.add(part);
                                    }
                                }
                            }
                        }
                    }
                });
        List<Pattern> patterns = new ArrayList<>();
        identifiers.stream().sorted(Comparator.comparing(String::length).reversed()).forEach(identifier -> {
            String digits = identifier.replace(" ", "");
            if (digits.matches("\\d{10}")) {
                // An NHS number is often written 485 777 3456.
                patterns.add(Pattern.compile(digits.substring(0, 3) + "[\\s-]?" + digits.substring(3, 6) + "[\\s-]?"
                        + digits.substring(6)));
            } else if (identifier.matches("(?i)[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}")) {
                String compact = identifier.replaceAll("\\s", "");
                patterns.add(Pattern.compile("(?i)\\b" + Pattern.quote(compact.substring(0, compact.length() - 3))
                        + "\\s*" + Pattern.quote(compact.substring(compact.length() - 3)) + "\\b"));
            } else {
                patterns.add(Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier) + "(?![\\p{L}\\p{N}])"));
            }
        });
        return new Redaction(patterns);
    }

    public record Redaction(List<Pattern> patterns) {

        public String apply(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String result = text;
            for (Pattern pattern : patterns) {
                result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(REDACTED));
            }
            return result;
        }
    }
}
