package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration, etc/${package}.cfg (every key has a default). */
@ObjectClassDefinition(name = "${rootArtifactId}", description = "Notes users publish over SIP")
public @interface NotesConfig {
    /** The PID. */
    String PID = "${package}";

    @AttributeDefinition(description = "Longest note kept, in bytes; a longer one gets 413")
    int max_bytes() default 1000;
}
