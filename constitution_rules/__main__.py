from constitution_rules.cli import main

main()
