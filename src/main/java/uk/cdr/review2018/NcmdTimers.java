package uk.cdr.review2018;

import java.time.Duration;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The CDOP notifies the National Child Mortality Database within 48 hours of a death's notification (domain-2018.md). */
@Component("ncmdTimers")
public class NcmdTimers {

    private final Duration notifyWithin;

    public NcmdTimers(@Value("${cdr.timers.ncmd.notify-within:PT48H}") Duration notifyWithin) {
        if (notifyWithin.isNegative() || notifyWithin.isZero()) {
            throw new IllegalArgumentException("cdr.timers.ncmd.notify-within must be a positive duration, e.g. PT48H");
        }
        this.notifyWithin = notifyWithin;
    }

    /** When the Notify NCMD step is due. */
    public Date notifyBy(Date notifiedAt) {
        return Date.from(notifiedAt.toInstant().plus(notifyWithin));
    }

    public Duration notifyWithin() {
        return notifyWithin;
    }
}
