package io.relata.ops;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The two levels of access to the API: read (ask, list) and write (change); whoever may write may also read. */
enum Access {
    READ, WRITE;

    /** The role name as Spring Security's hasRole and Spring Boot's management.endpoint.health.roles take it. */
    String role() {
        return "RELATA_" + name();
    }

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + role());
    }

    /** The authorities of a caller who may write, or only read. */
    static List<GrantedAuthority> granted(boolean write) {
        return write ? List.of(READ.authority(), WRITE.authority()) : List.of(READ.authority());
    }
}
