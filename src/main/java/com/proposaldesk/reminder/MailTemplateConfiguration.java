package com.proposaldesk.reminder;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * The plain-text parts of the mails are Thymeleaf TEXT templates ({@code templates/mail/text/*.txt}); Spring Boot's
 * resolver keeps serving the HTML ones. Boot adds every template resolver bean to its template engine.
 */
@Configuration
class MailTemplateConfiguration {

    @Bean
    ITemplateResolver mailTextTemplateResolver() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".txt");
        resolver.setResolvablePatterns(Set.of("mail/text/*"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(1);
        return resolver;
    }
}
