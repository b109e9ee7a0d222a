package kr.go.ax.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves test consumer groups to the end of their topics before the services start. Tests of several modules (and
 * earlier runs) share one broker; without this a fresh test group would first replay other tests' events, some of
 * which can never apply here.
 */
public final class ConsumerOffsets {
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([\\w-]+)\\.topics?");

    private ConsumerOffsets() {
    }

    /** Groups {@code <prefix>.<channel>} for every incoming channel in the application.properties on the classpath. */
    public static Map<String, String> groupsOfThisService(String prefixSuffix) {
        Properties props = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("application.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = props.getProperty("quarkus.application.name") + prefixSuffix;
        Map<String, String> groupToTopic = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            Matcher m = INCOMING_TOPIC.matcher(key);
            if (m.matches()) {
                groupToTopic.put(prefix + "." + m.group(1), props.getProperty(key));
            }
        }
        return groupToTopic;
    }

    /** Commits, for each group, the current end offset of every partition of its topics. */
    public static void moveToEnd(Map<String, String> groupToTopic) {
        if (groupToTopic.isEmpty()) {
            return;
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            for (Map.Entry<String, String> entry : groupToTopic.entrySet()) {
                // A group may read several topics, comma-separated.
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (String topic : entry.getValue().split(",")) {
                    int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                            .partitions().size();
                    for (int p = 0; p < partitions; p++) {
                        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    }
                }
                Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
                admin.listOffsets(latest).all().get()
                        .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
                alter(admin, entry.getKey(), ends);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not move test consumer groups to the end of their topics at "
                    + TestKafka.bootstrapServers() + " (is the broker running? bin/kafka start)", e);
        }
    }

    /**
     * A group still has a member for a while after its process was killed (until the broker's session timeout, 45 s):
     * its offsets cannot be changed before that member is gone, so this waits for it, up to a minute.
     */
    private static void alter(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> ends)
            throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, ends).all().get();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                boolean memberLeft = e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                        || e.getCause() instanceof org.apache.kafka.common.errors.RebalanceInProgressException;
                if (!memberLeft || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }
}
