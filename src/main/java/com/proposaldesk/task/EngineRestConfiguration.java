package com.proposaldesk.task;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.proposaldesk.security.EngineRestForbiddenMapper;

@Configuration
public class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer rejectedInputMapper() {
        return config -> config.register(RejectedInputMapper.FromEngine.class).register(RejectedInputMapper.FromRestResource.class)
                .register(EngineRestForbiddenMapper.class);
    }
}
