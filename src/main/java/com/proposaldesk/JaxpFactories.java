package com.proposaldesk;

import java.util.concurrent.Callable;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Pins three JAXP factories to the implementations the class path provides, once, before the application starts.
 * Without their system property, every {@code DatatypeFactory.newInstance()} (the engine's, for each timer's date,
 * duration or cycle), {@code TransformerFactory.newInstance()} and {@code SAXParserFactory.newInstance()} (POI's, for
 * each Word letter) searches every jar of the class path for a provider again: a tenth of the CPU time of a signed
 * letter, and of each timer created (README, Benchmarks). The property names the class that search finds, so every
 * later call gets the same implementation as before, without the search. A property already set is left alone.
 */
public class JaxpFactories implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        pin();
    }

    static void pin() {
        pin(DatatypeFactory.class.getName(), DatatypeFactory::newInstance);
        pin(TransformerFactory.class.getName(), TransformerFactory::newInstance);
        pin(SAXParserFactory.class.getName(), SAXParserFactory::newInstance);
    }

    private static void pin(String property, Callable<Object> lookup) {
        if (System.getProperty(property) != null) {
            return;
        }
        try {
            System.setProperty(property, lookup.call().getClass().getName());
        } catch (Exception | LinkageError e) {
            // no implementation found: leave the lookup to each call, which then fails with the JAXP's own message
        }
    }
}
