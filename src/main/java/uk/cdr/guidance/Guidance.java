package uk.cdr.guidance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The edition this deployment opens new cases under ({@code cdr.guidance}: 2013, the default, or
 * 2018). Open cases keep theirs: switching the setting changes only cases opened after it.
 */
@Component
public class Guidance {

    private volatile Edition current;

    public Guidance(@Value("${cdr.guidance:2013}") String configured) {
        this.current = Edition.of(configured).orElseThrow(() -> new IllegalStateException(
                "cdr.guidance: '" + configured + "' is not an edition of the guidance; use " + Edition.choices()));
    }

    /** The edition a case opened now is reviewed under. */
    public Edition current() {
        return current;
    }

    /**
     * What restarting with the other setting does, without the restart: the tests switch a running app
     * to show that open cases go on under their own edition.
     */
    public void switchTo(Edition edition) {
        this.current = edition;
    }
}
