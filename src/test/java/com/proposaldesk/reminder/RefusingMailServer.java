package com.proposaldesk.reminder;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail that answers {@code RCPT TO} for the addresses given to {@link #refuse} as a real server answers for a
 * mailbox that does not exist ({@code 550 5.1.1}), and accepts every other recipient.
 */
final class RefusingMailServer extends GreenMail {

    // no initialiser: assigned while GreenMail's constructor calls createServices, and kept
    private Set<String> refused;

    RefusingMailServer(ServerSetup setup) {
        super(setup);
    }

    RefusingMailServer refuse(String... addresses) {
        for (String address : addresses) {
            refused.add(address.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers defaults) {
        if (refused == null) {
            refused = ConcurrentHashMap.newKeySet();
        }
        if (!(managers instanceof RefusingManagers)) {
            managers = new RefusingManagers(refused);
        }
        return super.createServices(config, managers);
    }

    private static final class RefusingManagers extends Managers {

        private final SmtpManager smtp;

        RefusingManagers(Set<String> refused) {
            smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    if (refused.contains(recipient.getEmail().toLowerCase(Locale.ROOT))) {
                        return "550 5.1.1 <" + recipient.getEmail() + ">: Recipient address rejected: mailbox unavailable";
                    }
                    return super.checkRecipient(state, recipient);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
