# Sourced by run.sh and test.sh: the local defaults (the README's settings table), overridable from the environment.
export INVITATIONS_POSTGRES="${INVITATIONS_POSTGRES:-Host=127.0.0.1;Port=5432;Database=invitations;Username=invitations;Password=invitations}"
export INVITATIONS_RABBITMQ="${INVITATIONS_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"
export INVITATIONS_RABBITMQ_MANAGEMENT="${INVITATIONS_RABBITMQ_MANAGEMENT:-http://guest:guest@127.0.0.1:15672/}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
