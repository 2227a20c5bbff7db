package io.rapport.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/hello")
public class GreetingResource {

    public record Greeting(String message) {
    }

    @GET
    public Greeting hello() {
        return new Greeting("hello");
    }
}
