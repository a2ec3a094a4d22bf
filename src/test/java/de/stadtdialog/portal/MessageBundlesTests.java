package de.stadtdialog.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every UI text exists in German and English: each {@code messages/<bundle>.properties} has an {@code _en} twin
 * with exactly the same keys and the same arguments ({0}, {1}, …) in each message, and every bundle is registered
 * in {@code spring.messages.basename} (an unregistered bundle shows its keys instead of texts).
 */
class MessageBundlesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @TestFactory
    List<DynamicTest> everyBundleHasTheSameKeysAndArgumentsInEnglish() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String bundle : germanBundles()) {
            tests.add(DynamicTest.dynamicTest(bundle, () -> {
                Map<String, String> german = load("messages/" + bundle + ".properties");
                Map<String, String> english = load("messages/" + bundle + "_en.properties");

                assertThat(german).as("%s.properties is not empty", bundle).isNotEmpty();
                assertThat(difference(german.keySet(), english.keySet()))
                    .as("keys of %s.properties missing in %s_en.properties", bundle, bundle).isEmpty();
                assertThat(difference(english.keySet(), german.keySet()))
                    .as("keys of %s_en.properties missing in %s.properties", bundle, bundle).isEmpty();
                for (String key : german.keySet()) {
                    if (english.containsKey(key)) {
                        assertThat(arguments(english.get(key))).as("arguments of %s in %s_en", key, bundle)
                            .isEqualTo(arguments(german.get(key)));
                    }
                }
            }));
        }
        return tests;
    }

    @Test
    void everyBundleIsRegistered() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Set<String> registered = Arrays.stream(yaml.getObject().getProperty("spring.messages.basename").split(","))
            .map(String::trim).collect(Collectors.toCollection(TreeSet::new));

        assertThat(germanBundles()).isNotEmpty()
            .allSatisfy(bundle -> assertThat(registered).contains("messages/" + bundle));
    }

    /** Bundle names from the classpath, e.g. "portal" for messages/portal.properties. */
    private static Set<String> germanBundles() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        Set<String> bundles = new TreeSet<>();
        for (Resource file : files) {
            String name = file.getFilename();
            if (name != null && !name.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties")) {
                bundles.add(name.substring(0, name.length() - ".properties".length()));
            }
        }
        return bundles;
    }

    private static Map<String, String> load(String path) throws IOException {
        ClassPathResource resource = new ClassPathResource(path);
        assertThat(resource.exists()).as("%s exists", path).isTrue();
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
        return messages;
    }

    private static Set<String> difference(Set<String> from, Set<String> without) {
        Set<String> missing = new TreeSet<>(from);
        missing.removeAll(without);
        return missing;
    }

    private static Set<String> arguments(String message) {
        Set<String> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            arguments.add(matcher.group(1));
        }
        return arguments;
    }
}
