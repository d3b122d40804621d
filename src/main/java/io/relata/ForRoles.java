package io.relata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Registers a bean only in processes whose {@code relata.role} is one of these (the default role is all). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ForRoles.RoleCondition.class)
public @interface ForRoles {

    RelataProperties.Role[] value();

    /** Matches when the process's role is among those the annotation names. */
    class RoleCondition implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ForRoles.class.getName());
            RelataProperties.Role[] wanted = attributes == null ? new RelataProperties.Role[0]
                    : (RelataProperties.Role[]) attributes.get("value");
            return Arrays.asList(wanted).contains(roleOf(context));
        }

        static RelataProperties.Role roleOf(ConditionContext context) {
            return Binder.get(context.getEnvironment()).bind("relata.role", RelataProperties.Role.class)
                    .orElse(RelataProperties.Role.ALL);
        }
    }
}
