package kr.go.ax.applications.applications;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import kr.go.ax.common.identity.Caller;
import kr.go.ax.common.identity.Roles;
import kr.go.ax.common.problem.ProblemException;

/**
 * Who sees which application, enforced here whatever the gateway did: admins see all; a region only its own (another
 * region's answers 404, so its existence is not disclosed); evaluators see submitted ones; portals see the public
 * fields of decided ones.
 */
@RequestScoped
public class ApplicationAccess {
    private final Caller caller;

    public ApplicationAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean maySee(Application application) {
        if (caller.is(Roles.ADMIN)) {
            return true;
        }
        if (caller.is(Roles.REGION)) {
            return caller.ownsRegion(application.regionCode);
        }
        if (caller.is(Roles.EVALUATOR)) {
            return application.status != ApplicationStatus.DRAFT;
        }
        if (caller.is(Roles.PORTAL)) {
            return ApplicationStatus.DECIDED.contains(application.status);
        }
        return false;
    }

    /** Portals get only the public fields. */
    public boolean seesPublicFieldsOnly() {
        return caller.is(Roles.PORTAL) && !caller.is(Roles.ADMIN) && !caller.is(Roles.EVALUATOR);
    }

    public Application visible(Application application, UUID id) {
        if (application == null || !maySee(application)) {
            throw ProblemException.notFound("Application", id);
        }
        return application;
    }

    /** Only the owning region changes an application; others get 404 (or 403 when they may read it). */
    public Application changeable(Application application, UUID id) {
        Application seen = visible(application, id);
        if (!caller.is(Roles.REGION)) {
            throw ProblemException.forbidden("Only the applying region changes its application");
        }
        return seen;
    }
}
