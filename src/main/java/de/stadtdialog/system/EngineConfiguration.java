package de.stadtdialog.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine settings that are ours rather than the starter's defaults. */
@Configuration
class EngineConfiguration {

    @Bean
    AbstractProcessEnginePlugin stadtdialogEnginePlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new TenantIdFromStartVariables());
                // BPMN files unchanged since the last start create no new version
                if (configuration instanceof SpringProcessEngineConfiguration spring) {
                    spring.setDeploymentName("stadtdialog");
                }
            }
        };
    }
}
