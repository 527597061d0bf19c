package org.switchboard.prompts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.prompts.Prompts;
import org.switchboard.api.media.AudioRef;

/**
 * The {@link Prompts} service: site prompts in {@code etc/prompts/} (per application in a
 * sub-folder), then the default English set, extracted to {@code data/switchboard/prompts/en/}.
 */
@Component(service = Prompts.class, configurationPid = PromptLibrary.PID)
@Designate(ocd = PromptLibrary.Config.class)
public class PromptLibrary implements Prompts {
    static final String PID = "org.switchboard.prompts";
    private static final Logger LOG = LoggerFactory.getLogger(PromptLibrary.class);

    @ObjectClassDefinition(name = "Switchboard prompts", description = "Where recorded prompts are looked up")
    @interface Config {
        @AttributeDefinition(description = "Folder of site prompts (<name>.wav, <application>/<name>.wav), "
                + "relative to karaf.etc unless absolute", required = false)
        String folder() default "prompts";

        @AttributeDefinition(description = "Folder the default English set is copied to, relative to karaf.data "
                + "unless absolute", required = false)
        String cache() default "switchboard/prompts/en";
    }

    private final PromptLookup lookup;

    @Activate
    public PromptLibrary(Config config) {
        Path site = resolve(System.getProperty("karaf.etc", "etc"), config.folder());
        Path defaults = resolve(System.getProperty("karaf.data", "data"), config.cache());
        try {
            int n = DefaultPromptSet.extractTo(defaults);
            LOG.info("Prompts: {} default prompt(s) in {}, site prompts from {}", n, defaults, site);
        } catch (IOException e) {
            LOG.error("Prompts: cannot copy the default set to {} ({}); check that the folder is writable",
                    defaults, e.toString());
            throw new UncheckedIOException(e);
        }
        this.lookup = new PromptLookup(site, defaults);
    }

    @Override
    public Optional<AudioRef> find(String application, String name) {
        Optional<AudioRef> found = lookup.find(application, name).map(AudioRef::file);
        if (found.isEmpty()) {
            LOG.debug("Prompts: no prompt '{}' for application '{}'", name, application);
        }
        return found;
    }

    @Override
    public Optional<AudioRef> digit(char digit) {
        String name = PromptLookup.digitName(digit);
        return name == null ? Optional.empty() : find("", name);
    }

    static Path resolve(String base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : Path.of(base).resolve(p).normalize();
    }
}
