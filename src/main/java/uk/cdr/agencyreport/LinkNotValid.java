package uk.cdr.agencyreport;

/**
 * The link is expired, already used, replaced by a newer one, or was never ours. Deliberately one
 * exception for all of these: the agency's page says the same thing whatever the reason, so a
 * link reveals nothing about any case once it stops working.
 */
public class LinkNotValid extends RuntimeException {

    public LinkNotValid() {
        super("This Form B link has expired or was already used");
    }
}
