package com.proposaldesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JaxpFactoriesTest {

    private static final List<String> PROPERTIES = List.of(DatatypeFactory.class.getName(),
            TransformerFactory.class.getName(), SAXParserFactory.class.getName());

    private List<String> before;

    @BeforeEach
    void clear() {
        before = PROPERTIES.stream().map(System::getProperty).toList();
        PROPERTIES.forEach(System::clearProperty);
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < PROPERTIES.size(); i++) {
            if (before.get(i) == null) {
                System.clearProperty(PROPERTIES.get(i));
            } else {
                System.setProperty(PROPERTIES.get(i), before.get(i));
            }
        }
    }

    @Test
    void pinsEachFactoryToTheImplementationTheClassPathGives() throws Exception {
        String datatype = DatatypeFactory.newInstance().getClass().getName();
        String transformer = TransformerFactory.newInstance().getClass().getName();
        String sax = SAXParserFactory.newInstance().getClass().getName();

        JaxpFactories.pin();

        assertThat(PROPERTIES).extracting(System::getProperty).containsExactly(datatype, transformer, sax);
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(datatype);
        assertThat(TransformerFactory.newInstance().getClass().getName()).isEqualTo(transformer);
        assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(sax);
    }

    @Test
    void leavesAFactoryTheOperatorChoseAlone() {
        System.setProperty(TransformerFactory.class.getName(), "org.example.ChosenTransformerFactory");

        JaxpFactories.pin();

        assertThat(System.getProperty(TransformerFactory.class.getName())).isEqualTo("org.example.ChosenTransformerFactory");
        assertThat(System.getProperty(DatatypeFactory.class.getName())).isNotNull();
    }
}
