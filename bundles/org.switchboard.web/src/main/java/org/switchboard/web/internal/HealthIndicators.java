package org.switchboard.web.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.health.HealthIndicator;

/**
 * Every {@link HealthIndicator} service of the platform, as bundles come and go: the one place
 * {@code /api/health} and {@code web:health} read, so that both always say the same.
 */
@Component(service = HealthIndicators.class)
public class HealthIndicators {
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    /** @return every indicator checked now */
    public HealthReport check() {
        return HealthReport.of(List.copyOf(indicators));
    }
}
