package com.proposaldesk.registration;

import java.util.List;

/** Opens the registration listener's start-form field list to tests in other packages. */
public final class StartFormFields {

    private StartFormFields() {
    }

    /** The fields a start form may send; the registration listener reads and then removes them. */
    public static List<String> all() {
        return ProposalRegistrationListener.FORM_FIELDS;
    }
}
