import RnnbookCLI

Rnnbook.main()
