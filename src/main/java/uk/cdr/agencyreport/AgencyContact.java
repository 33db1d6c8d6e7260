package uk.cdr.agencyreport;

/** An agency to ask for a Form B, and the person there who receives the link. */
public record AgencyContact(String agency, String contactName, String contactEmail) {
}
