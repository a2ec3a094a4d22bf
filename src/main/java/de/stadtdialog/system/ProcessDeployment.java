package de.stadtdialog.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every {@code processes/**}{@code /*.bpmn} and {@code forms/**}{@code /*.form} at start-up, named by
 * their path below {@code processes/} or {@code forms/} so the names are the same from the IDE, from Maven and
 * from the jar. Unchanged files create no new version (duplicate filtering; the engine's deployment lock keeps
 * that right when several nodes start at once). A BPMN that does not parse stops the start with the engine's
 * reason.
 */
@Component
@Order(-10)
class ProcessDeployment implements ApplicationRunner {

    static final String DEPLOYMENT_NAME = "stadtdialog";

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repositoryService;

    ProcessDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name(DEPLOYMENT_NAME)
            .source("stadtdialog start-up").enableDuplicateFiltering(true);
        List<String> names = new ArrayList<>();
        for (String folder : List.of("processes", "forms")) {
            for (Resource resource : resources(folder)) {
                String name = folder + "/" + relativeName(resource, folder);
                try (InputStream in = resource.getInputStream()) {
                    deployment.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            log.warn("No processes or forms found on the classpath");
            return;
        }
        DeploymentWithDefinitions result = deployment.deployWithResult();
        log.info("Deployed {} resources ({} new or changed process definitions) as deployment {}", names.size(),
            result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size(),
            result.getId());
    }

    private static List<Resource> resources(String folder) throws IOException {
        String pattern = "classpath*:" + folder + "/**/*." + ("processes".equals(folder) ? "bpmn" : "form");
        List<Resource> found = new ArrayList<>(List.of(new PathMatchingResourcePatternResolver().getResources(pattern)));
        found.sort(Comparator.comparing(r -> relativeName(r, folder)));
        return found;
    }

    private static String relativeName(Resource resource, String folder) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("/" + folder + "/");
            return url.substring(at + folder.length() + 2);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable resource " + resource, e);
        }
    }
}
