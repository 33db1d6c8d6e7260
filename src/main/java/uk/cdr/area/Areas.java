package uk.cdr.area;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The areas this CDOP serves, from configuration ({@code cdr.areas}: a code and a name each). Several
 * local authority areas often share one CDOP; every case has the area the child normally lived in,
 * and the queue, the case list, meetings and the statistics can be narrowed to one of them.
 * Where only one area is configured, a case that names none is of that area.
 */
@Component
public class Areas {

    /** Codes go into URLs, CSV files and the records: lower-case words joined by hyphens. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_CODE_LENGTH = 40;

    private final Map<String, Area> byCode = new LinkedHashMap<>();

    @Autowired
    public Areas(Environment environment) {
        this(Binder.get(environment).bind("cdr.areas", Bindable.listOf(Area.class)).orElse(List.of()));
    }

    public Areas(List<Area> configured) {
        for (Area area : configured) {
            if (area.code() == null || !CODE.matcher(area.code()).matches() || area.code().length() > MAX_CODE_LENGTH) {
                throw new IllegalStateException("cdr.areas: code '" + area.code() + "' must be lower-case letters, digits "
                        + "and hyphens, at most " + MAX_CODE_LENGTH + " characters");
            }
            if (area.name() == null || area.name().isBlank()) {
                throw new IllegalStateException("cdr.areas: area '" + area.code() + "' needs a name");
            }
            if (byCode.put(area.code(), area) != null) {
                throw new IllegalStateException("cdr.areas: area '" + area.code() + "' is configured twice");
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalStateException("cdr.areas: configure at least one area the CDOP serves (a code and a name)");
        }
    }

    public List<Area> all() {
        return List.copyOf(byCode.values());
    }

    /** Whether people must say which area: with one area there is nothing to choose. */
    public boolean several() {
        return byCode.size() > 1;
    }

    /** The area a case's records name; a code no longer configured still reads as itself. */
    public Area of(String code) {
        return code == null ? null : byCode.getOrDefault(code, new Area(code, code));
    }

    /** An area by its code or its name, as someone typed it (any case, spaces around ignored). */
    public Optional<Area> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.trim();
        Area byItsCode = byCode.get(text.toLowerCase(Locale.ROOT));
        if (byItsCode != null) {
            return Optional.of(byItsCode);
        }
        return byCode.values().stream().filter(a -> a.name().equalsIgnoreCase(text)).findFirst();
    }

    /**
     * The area of a new case, from what was given for {@code field}: required where the CDOP has
     * several areas, the one area where it has one.
     *
     * @throws UnknownArea naming the field when it names no configured area, or is missing
     */
    public Area forCase(String typed, String field) {
        return ruleBroken(typed).<Area>map(rule -> {
            throw new UnknownArea(field, rule);
        }).orElseGet(() -> find(typed).orElseGet(() -> byCode.values().iterator().next()));
    }

    /** The rule the typed area breaks as a case's area, if any ("is required: ...", "must be one of ..."). */
    public Optional<String> ruleBroken(String typed) {
        if (typed == null || typed.isBlank()) {
            return several() ? Optional.of("is required: " + choices()) : Optional.empty();
        }
        return find(typed).isPresent() ? Optional.empty()
                : Optional.of("must be one of the CDOP's areas, not '" + typed.trim() + "': " + choices());
    }

    /**
     * What a filter on an area, as a query or a form gives it, narrows to: an area, or (area null)
     * the whole CDOP; or, where it names no configured area, the rule it broke (and the whole CDOP).
     */
    public record Filter(Area area, String rule) {

        /** The area's code; null for the whole CDOP. */
        public String code() {
            return area == null ? null : area.code();
        }
    }

    public Filter filter(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Filter(null, null);
        }
        return find(typed).map(area -> new Filter(area, null)).orElseGet(() -> new Filter(null,
                "must be one of the CDOP's areas, not '" + typed.trim() + "': " + choices()));
    }

    /**
     * A filter on an area, as the API gives it: none (blank) means the whole CDOP.
     *
     * @throws UnknownArea naming {@code field} when it names no configured area
     */
    public Optional<Area> narrowTo(String typed, String field) {
        Filter filter = filter(typed);
        if (filter.rule() != null) {
            throw new UnknownArea(field, filter.rule());
        }
        return Optional.ofNullable(filter.area());
    }

    /** "one of north (North Borough), south (South Borough)". */
    public String choices() {
        return "one of " + byCode.values().stream().map(a -> a.code() + " (" + a.name() + ")")
                .collect(Collectors.joining(", "));
    }
}
