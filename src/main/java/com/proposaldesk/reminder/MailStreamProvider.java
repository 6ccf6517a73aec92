package com.proposaldesk.reminder;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names Jakarta Mail's stream provider. Without the name, Jakarta Mail 2.1 searches the class path with a
 * {@code ServiceLoader} each time a mail is built, parsed or encoded: a fifth of a reminder job's processor time in the
 * reminder burst benchmark. Runs before any bean is created; a value the operator set ({@code -D}) is kept.
 */
@Configuration(proxyBeanMethods = false)
class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Bean
    static BeanFactoryPostProcessor mailStreamProviderName() {
        return beanFactory -> {
            if (System.getProperty(PROPERTY) == null) {
                System.setProperty(PROPERTY, ANGUS);
            }
        };
    }
}
