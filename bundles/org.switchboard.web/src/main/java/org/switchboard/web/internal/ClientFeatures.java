package org.switchboard.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.client.ClientFeature;

/**
 * Every {@link ClientFeature} service, as bundles come and go: what {@code /api/client-config}
 * lists under {@code features}, so that the softphone shows a panel only while its server
 * feature is installed.
 */
@Component(service = ClientFeatures.class)
public class ClientFeatures {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFeatures.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private final List<ClientFeature> features = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFeature(ClientFeature feature) {
        features.add(feature);
    }

    void removeFeature(ClientFeature feature) {
        features.remove(feature);
    }

    /**
     * @return {@code [{"id": ..., "settings": {...}}]} sorted by id, one entry per id (the first
     *     registered wins); a feature with an invalid id or that throws is left out and logged
     */
    public List<Map<String, Object>> list() {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (ClientFeature f : features) {
            try {
                String id = f.id();
                if (id == null || !ID.matcher(id).matches()) {
                    LOG.warn("Client feature {} left out of /api/client-config: its id {} is not lower-case letters, "
                            + "digits and '-'", f.getClass().getName(), id);
                    continue;
                }
                Map<String, Object> settings = f.settings();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                entry.put("settings", settings == null ? Map.of() : new TreeMap<>(settings));
                byId.putIfAbsent(id, entry);
            } catch (RuntimeException e) {
                LOG.warn("Client feature {} left out of /api/client-config: it threw {}", f.getClass().getName(), e.toString());
            }
        }
        return new ArrayList<>(byId.values());
    }
}
