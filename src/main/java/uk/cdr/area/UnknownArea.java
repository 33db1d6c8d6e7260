package uk.cdr.area;

/** An area that is not one of the CDOP's (or none where one is needed): a 400 naming the field and the rule. */
public class UnknownArea extends RuntimeException {

    private final String field;
    private final String rule;

    public UnknownArea(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
