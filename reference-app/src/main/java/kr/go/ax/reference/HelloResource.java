package kr.go.ax.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the reference application: the benchmark times start-up to its first answer. */
@Path("/hello")
public class HelloResource {
    @GET
    public String hello() {
        return "hello";
    }
}
