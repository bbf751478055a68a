package dev.streamsmustflow.recovery.platform.kubernetes;

import io.fabric8.kubernetes.api.builder.TypedVisitor;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where {@link ManifestEdits} sets each variable: where the manifests already define it, so that
 * its one definition stays the only one. A variable of a ConfigMap that the app container reads
 * with envFrom is changed in that ConfigMap (KAFKA_BOOTSTRAP_SERVERS, APPLICATION_ID); a variable
 * of the container's own env, or a new one, in the container. The container's env would win anyway.
 *
 * @param container variables to set in the app container's env
 * @param configMaps ConfigMap name to the variables to set in its data
 */
record EnvPlacement(Map<String, String> container, Map<String, Map<String, String>> configMaps) {

    static EnvPlacement of(KubernetesListBuilder list, Map<String, String> env) {
        Set<String> containerEnv = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        list.accept(new TypedVisitor<ContainerBuilder>() {
            @Override
            public void visit(ContainerBuilder container) {
                if (ManifestEdits.APP_CONTAINER.equals(container.getName())) {
                    container.buildEnv().stream().map(EnvVar::getName).forEach(containerEnv::add);
                    container.buildEnvFrom().stream().map(EnvFromSource::getConfigMapRef).filter(Objects::nonNull)
                            .forEach(ref -> referenced.add(ref.getName()));
                }
            }
        });
        Map<String, String> configMapByKey = new HashMap<>();
        list.accept(new TypedVisitor<ConfigMapBuilder>() {
            @Override
            public void visit(ConfigMapBuilder configMap) {
                String name = configMap.buildMetadata().getName();
                if (referenced.contains(name) && configMap.getData() != null) {
                    configMap.getData().keySet().forEach(key -> configMapByKey.putIfAbsent(key, name));
                }
            }
        });
        Map<String, String> inContainer = new LinkedHashMap<>();
        Map<String, Map<String, String>> inConfigMaps = new HashMap<>();
        env.forEach((name, value) -> {
            String configMap = configMapByKey.get(name);
            if (containerEnv.contains(name) || configMap == null) {
                inContainer.put(name, value);
            } else {
                inConfigMaps.computeIfAbsent(configMap, any -> new LinkedHashMap<>()).put(name, value);
            }
        });
        return new EnvPlacement(inContainer, inConfigMaps);
    }
}
