module multi-streams-logger

go 1.12

require github.com/sirupsen/logrus v1.4.2
