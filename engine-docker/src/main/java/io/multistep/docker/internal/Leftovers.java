package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.multistep.docker.Leftover;
import io.multistep.docker.RunLabels;
import io.multistep.engine.spi.RuntimeFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Lists the labelled resources runs left on the engine: containers, then networks, then volumes. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Leftovers {
    private Leftovers() {}

    /**
     * What carries a label.
     *
     * @param connection the engine
     * @param label a label key, or {@code key=value}
     * @return the containers, networks and volumes carrying it
     * @throws RuntimeFailure when the engine cannot be reached or answers with an error
     */
    public static List<Leftover> labelled(DockerConnection connection, String label) throws RuntimeFailure {
        try {
            return list(connection.negotiated(), List.of(label));
        } catch (RuntimeException e) {
            throw Failures.map(connection.host(), "listing what runs left (label " + label + ")", e);
        }
    }

    /**
     * What carries every one of the labels, in the order prune removes it: containers, networks, volumes.
     *
     * @param docker the engine's client
     * @param labels label keys or {@code key=value} items, all of which must match
     * @return the resources
     */
    static List<Leftover> list(DockerClient docker, List<String> labels) {
        List<Leftover> out = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            String[] names = c.getNames();
            String name = names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : c.getId();
            out.add(leftover(Leftover.Kind.CONTAINER, name, c.getId(), c.getLabels()));
        }
        for (var n : docker.listNetworksCmd().withFilter("label", labels).exec()) {
            out.add(leftover(Leftover.Kind.NETWORK, n.getName(), n.getId(), n.getLabels()));
        }
        var volumes = docker.listVolumesCmd().withFilter("label", labels).exec().getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                out.add(leftover(Leftover.Kind.VOLUME, v.getName(), v.getName(), v.getLabels()));
            }
        }
        return List.copyOf(out);
    }

    private static Leftover leftover(Leftover.Kind kind, String name, String id, Map<String, String> labels) {
        Map<String, String> l = new HashMap<>();
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (k != null && v != null) {
                    l.put(k, v);
                }
            });
        }
        return new Leftover(kind, name, id, l.getOrDefault(RunLabels.RUN_ID, ""), l);
    }
}
