package uk.cdr.agencyreport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whom an agency contact without a login turns to: the partnership's Single Point of Contact, as
 * configured (cdr.spoc-contact.*). The SPOC role's members are people with logins and may change;
 * an agency needs one stable name, mailbox and phone number.
 */
@Component
public class SpocContact {

    private final String name;
    private final String email;
    private final String phone;

    SpocContact(@Value("${cdr.spoc-contact.name}") String name, @Value("${cdr.spoc-contact.email}") String email,
            @Value("${cdr.spoc-contact.phone}") String phone) {
        this.name = name;
        this.email = email;
        this.phone = phone;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** One line for an email: "the Child Death Review SPOC, spoc@..., 020 ...". */
    public String inOneLine() {
        return name + ", " + email + (phone == null || phone.isBlank() ? "" : ", " + phone);
    }
}
