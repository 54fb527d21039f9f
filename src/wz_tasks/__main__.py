from wz_tasks.cli import main

main()
