package com.proposaldesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProposalDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProposalDeskApplication.class, args);
    }
}
