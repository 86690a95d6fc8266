// Creates the Percorsi topics on a running broker if they are missing (like
// `kafka-topics.sh --create --if-not-exists`, but one JVM for all of them).
// Run with the Java single-file launcher and the broker's classpath:
//   java -cp "$(cat .run/kafka.classpath)" deploy/local/KafkaTopics.java 127.0.0.1:9092 name:partitions ...
// Waits up to 60 s for the broker. Exit code 0 when every topic exists afterwards.

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

public class KafkaTopics {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: KafkaTopics <bootstrap> <topic:partitions>...");
      System.exit(2);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "percorsi-topics");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> wanted = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        String[] spec = args[i].split(":");
        String name = spec[0];
        int partitions = spec.length > 1 ? Integer.parseInt(spec[1]) : 1;
        if (existing.contains(name)) {
          System.out.println("exists   " + name);
        } else {
          wanted.add(new NewTopic(name, partitions, (short) 1));
        }
      }
      if (!wanted.isEmpty()) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(wanted).values();
        for (NewTopic topic : wanted) {
          try {
            results.get(topic.name()).get(60, TimeUnit.SECONDS);
            System.out.println("created  " + topic.name() + " (" + topic.numPartitions() + " partitions)");
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
              throw e;
            }
            System.out.println("exists   " + topic.name());
          }
        }
      }
    }
  }
}
