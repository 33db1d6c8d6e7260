package uk.cdr.statistics;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/** Internal (exact numbers, for the panel) or public (small numbers hidden, for publication). */
public enum Version {
    INTERNAL, PUBLIC;

    public static final String RULE = "must be internal or public";

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    /** @throws InvalidVersion for anything but internal or public; absent means internal */
    public static Version of(String code) {
        if (code == null || code.isBlank()) {
            return INTERNAL;
        }
        return Arrays.stream(values()).filter(v -> v.code().equals(code.trim())).findFirst()
                .orElseThrow(InvalidVersion::new);
    }

    public static class InvalidVersion extends RuntimeException {
        InvalidVersion() {
            super("version " + RULE);
        }
    }
}
